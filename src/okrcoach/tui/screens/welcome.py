"""What a first-time user reads: what okrcoach does and how to start.

The dashboard shows these words whenever the cycle holds no objectives.
"""

WELCOME_TITLE = "Welcome to okrcoach"
INTRO = (
    "okrcoach helps you turn a wish into an [b]objective[/b] with a few measurable "
    "[b]key results[/b], tells [b]learning[/b] goals from [b]performance[/b] goals "
    "(learn first, perform next), and walks you through check-ins and an honest "
    "retrospective at the end of the cycle."
)
EMPTY = (
    "[b]No objectives in this cycle yet.[/b]\n\n"
    "Press [b]n[/b] to draft your first objective. The coach reviews every line as you "
    "type: is it an outcome or a task, can you measure it, is it ambitious enough?\n\n"
    "Press [b]?[/b] for help and a one-page primer on the method, [b]q[/b] to quit."
)
EMPTY_PAST = (
    "[b]No objectives in this cycle.[/b]\n\n"
    "Press [b]p[/b] to pick another cycle, or [b]?[/b] for help."
)
