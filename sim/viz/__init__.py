"""Views: summaries, figures, reports and the training app. Views compute no statistics of their own."""
