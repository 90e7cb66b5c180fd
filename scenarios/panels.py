"""An editor panel that shows the graph's problems on the Graph tab.

The editor's own field errors appear only when a publish is refused; this panel lists
every problem in the version being edited (the latest draft) each time the editor opens,
and what the child's clock gets wrong (``scenarios.clock``: warnings, not errors),
so an author who saves an unfinished draft sees what is left to do. Autosave redraws it
(``scenarios/templatetags/scenario_admin.py``), so the list is never older than the
last save.
"""

from wagtail.admin.panels import Panel

from scenarios import graph


def graph_check_context(page) -> dict:
    """The problems in ``page``'s graph as the author sees them, for the panel and for
    the copy of it that autosave redraws."""
    from scenarios.models import describe_error

    return {
        "page": page,
        "problems": [describe_error(page, e) for e in page.graph_errors()] if page.pk else [],
        "clock_warnings": page.clock_warnings() if page.pk else [],
        "has_nodes": bool(page.pk and page.node_list()),
        # Suggested as the author types a condition (the choices' fields name this list).
        "condition_names": graph.condition_names(page.graph_nodes()) if page.pk else [],
        # Each node on a screen of its own (scenarios.node_editor), by position as there.
        "steps": [
            (position, node.title or node.key or "Untitled")
            for position, node in enumerate(page.node_list())
        ]
        if page.pk
        else [],
    }


class GraphCheckPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "scenarios/admin/graph_check_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(graph_check_context(self.instance))
            return context
