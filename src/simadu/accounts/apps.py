from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "simadu.accounts"
    label = "accounts"
    verbose_name = "Akun staf"
