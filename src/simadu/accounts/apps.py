from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "simadu.accounts"
    label = "accounts"
    verbose_name = "Akun staf"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_out

        from simadu.accounts.signin import logged_out

        # Every way out (the workspace's button, the admin's, a lockout) passes through auth.logout.
        user_logged_out.connect(logged_out, dispatch_uid="simadu.accounts.logged_out")
