"""WSGI entry point: `gunicorn wsgi:app`, `flask --app wsgi ...`."""
from hrapp import create_app

app = create_app()
