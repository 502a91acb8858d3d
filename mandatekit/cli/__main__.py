"""`python -m mandatekit.cli`, as the `mandatekit` program."""

from mandatekit.cli import main

main()
