from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from services import admin_views


@hooks.register("register_admin_urls")
def register_booking_urls():
    return [
        path("bokningar/", admin_views.booking_index, name="booking_index"),
        path("bokningar/<int:occurrence_id>/", admin_views.booking_detail, name="booking_detail"),
    ]


class BookingMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_see_bookings(request.user)


@hooks.register("register_admin_menu_item")
def register_booking_menu_item():
    return BookingMenuItem("Bokningar", reverse("booking_index"), icon_name="date", order=150)
