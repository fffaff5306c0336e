#include "workbench/screenshot.h"

#include <gtk/gtk.h>
#include <wx/app.h>

namespace fokus::workbench {

// Read back from the X server through GDK: wxScreenDC on GTK 3 can return an
// image older than what the window shows.
bool save_window_png(wxWindow& window, const wxString& path) {
    window.Refresh();
    window.Update();
    wxYield();
    auto* widget = static_cast<GtkWidget*>(window.GetHandle());
    GdkWindow* gdk_window = widget ? gtk_widget_get_window(widget) : nullptr;
    if (!gdk_window) return false;
    gdk_display_sync(gdk_window_get_display(gdk_window));
    const int width = gdk_window_get_width(gdk_window);
    const int height = gdk_window_get_height(gdk_window);
    GdkPixbuf* pixbuf = gdk_pixbuf_get_from_window(gdk_window, 0, 0, width, height);
    if (!pixbuf) return false;
    GError* error = nullptr;
    const bool saved = gdk_pixbuf_save(pixbuf, path.utf8_str(), "png", &error, nullptr);
    if (error) g_error_free(error);
    g_object_unref(pixbuf);
    return saved;
}

}  // namespace fokus::workbench
