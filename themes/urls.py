from django.urls import path

from . import views

app_name = "themes"
urlpatterns = [path("<slug:slug>/tokens.css", views.tokens_css, name="tokens")]
