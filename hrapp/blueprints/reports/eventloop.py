"""pyHanko's synchronous API calls asyncio.run(), which refuses to start inside a running event
loop (an async server, Playwright's sync API in the same thread). Such calls go to a worker thread."""
import asyncio
from concurrent.futures import ThreadPoolExecutor


def call_outside_loop(fn, /, *args, **kwargs):
    """`fn(*args, **kwargs)`, on a worker thread if this thread already runs an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return fn(*args, **kwargs)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pyhanko") as pool:
        return pool.submit(fn, *args, **kwargs).result()
