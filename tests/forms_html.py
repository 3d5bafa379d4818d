"""Reading the forms a page renders, as a browser would submit them (lxml's HTML form model)."""
from dataclasses import dataclass

import lxml.html


@dataclass
class PageForm:
    """One <form>: where it posts and the values a plain submit would send (ticked boxes, selected options)."""

    action: str
    method: str
    values: list[tuple[str, str]]

    def value(self, name: str) -> str | None:
        return next((v for k, v in self.values if k == name), None)

    def replaced(self, **changes) -> dict[str, list[str]]:
        """The values as test-client form data, `changes` replacing (or adding) fields."""
        data: dict[str, list[str]] = {}
        for name, value in self.values:
            data.setdefault(name, []).append(value)
        data.update({name: value if isinstance(value, list) else [value] for name, value in changes.items()})
        return data


def forms_on(html: str, page_url: str) -> list[PageForm]:
    """Every form on the page; an empty action means the page's own URL."""
    found = []
    for form in lxml.html.fromstring(html).forms:
        action = (form.get("action") or page_url).split("#")[0]
        found.append(PageForm(action, (form.get("method") or "get").lower(),
                              [(k, v if v is not None else "") for k, v in form.form_values()]))
    return found


def form_posting_to(client, page_url: str, action: str | None = None) -> PageForm:
    """The POST form on `page_url` whose action is `action` (the page itself by default)."""
    response = client.get(page_url)
    assert response.status_code == 200, (page_url, response.status_code)
    target = action or page_url
    forms = [f for f in forms_on(response.get_data(as_text=True), page_url) if f.method == "post" and f.action == target]
    assert forms, f"no form posting to {target} on {page_url}"
    return forms[0]
