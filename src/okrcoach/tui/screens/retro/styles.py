"""How the retrospective is laid out."""

RETRO_CSS = """
    RetroScreen #step-title {
        height: 1;
        padding: 0 1;
        background: $boost;
        text-style: bold;
        color: $primary;
    }
    RetroScreen #steps {
        height: 1fr;
    }
    RetroScreen .step {
        height: 1fr;
        padding: 0 1;
    }
    RetroScreen .field-label {
        margin-top: 1;
        color: $text-muted;
    }
    RetroScreen .box {
        border: round $primary;
        padding: 0 1;
        height: auto;
        margin-top: 1;
    }
    RetroScreen TextArea.answer {
        height: auto;
        min-height: 2;
        max-height: 6;
    }
    RetroScreen .fmt {
        height: auto;
    }
    RetroScreen .score-row, RetroScreen .decide-row {
        height: auto;
    }
    RetroScreen Input.score {
        width: 6;
        margin-right: 1;
    }
    RetroScreen Input.why {
        width: 1fr;
    }
    RetroScreen Select.outcome {
        width: 44;
    }
    RetroScreen Select.action {
        width: 42;
        margin-right: 1;
    }
    RetroScreen .obj {
        margin-top: 1;
    }
    RetroScreen .coach-note {
        color: $accent;
        height: auto;
    }
    RetroScreen .field-error {
        color: $error;
        height: auto;
    }
    RetroScreen #verdict {
        margin-top: 1;
        text-style: bold;
    }
    RetroScreen #nav {
        height: 1;
        padding: 0 1;
    }
    RetroScreen #nav Button {
        margin-right: 2;
    }
    RetroScreen #nav-space {
        width: 1fr;
    }
    """
