"""One module per `kondusif` subcommand."""
