"""`runserver` with a longer listen queue, so the embedded default (`make run`) takes a burst.

Django's development server accepts 10 waiting connections (`WSGIServer.request_queue_size`); a
burst of thirty residents booking at once had connections reset before a thread could take them.
Static files are served as by django.contrib.staticfiles' runserver, which this extends.
"""

from django.contrib.staticfiles.management.commands.runserver import Command as StaticfilesRunserver
from django.core.servers.basehttp import WSGIServer


class BurstWSGIServer(WSGIServer):
    request_queue_size = 128


class Command(StaticfilesRunserver):
    server_cls = BurstWSGIServer
