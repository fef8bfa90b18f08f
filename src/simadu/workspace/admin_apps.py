"""django.contrib.admin with SIMADU's admin site as the default (listed in INSTALLED_APPS instead of it)."""

from django.contrib.admin.apps import AdminConfig


class SimaduAdminConfig(AdminConfig):
    default_site = "simadu.workspace.admin_site.StaffAdminSite"
