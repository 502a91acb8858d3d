"""`python -m mandatekit` runs the command line."""

from mandatekit.cli import main

main()
