"""Backups that restore: `flask --app wsgi backup FILE` and `flask --app wsgi restore FILE`."""
from hrapp.core.module import Module

from .cli import backup_command, restore_command

MODULE = Module(name="backup", cli=(backup_command, restore_command))
