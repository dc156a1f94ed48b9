"""Views: summaries, figures, reports and the training app. They compute no statistics."""
