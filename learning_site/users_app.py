from wagtail.users.apps import WagtailUsersAppConfig


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user screens with partnership, agency and job role, and moves recorded
    (``learning_site.admin_people``). Listed in INSTALLED_APPS in place of wagtail.users."""

    user_viewset = "learning_site.admin_people.PeopleViewSet"
