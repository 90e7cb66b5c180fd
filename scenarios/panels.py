"""An editor panel that shows the graph's problems on the Graph tab.

The editor's own field errors appear only when a publish is refused; this panel lists
every problem in the version being edited (the latest draft) each time the editor opens,
so an author who saves an unfinished draft sees what is left to do.
"""

from wagtail.admin.panels import Panel


class GraphCheckPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "scenarios/admin/graph_check_panel.html"

        def get_context_data(self, parent_context=None):
            from scenarios.models import describe_error

            context = super().get_context_data(parent_context)
            page = self.instance
            context["page"] = page
            context["problems"] = (
                [describe_error(page, e) for e in page.graph_errors()] if page.pk else []
            )
            context["has_nodes"] = bool(page.pk and page.node_list())
            return context
