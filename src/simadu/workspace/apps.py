from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "simadu.workspace"
    label = "workspace"
