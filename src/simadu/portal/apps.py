from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "simadu.portal"
    label = "portal"
