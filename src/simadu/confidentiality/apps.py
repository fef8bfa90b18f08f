from django.apps import AppConfig


class ConfidentialityConfig(AppConfig):
    name = "simadu.confidentiality"
    label = "confidentiality"
    verbose_name = "Kerahasiaan"
