"""How the wizard is laid out: one column when narrow, the coach beside the steps when wide."""

WIZARD_CSS = """
    WizardScreen #step-title {
        height: 1;
        padding: 0 1;
        background: $boost;
        text-style: bold;
        color: $primary;
    }
    WizardScreen #wizard-body {
        layout: vertical;
        height: 1fr;
    }
    WizardScreen.-wide #wizard-body {
        layout: horizontal;
    }
    WizardScreen #steps {
        height: 1fr;
        padding: 0 1;
    }
    WizardScreen.-narrow #coach {
        height: 7;
    }
    WizardScreen.-wide #coach {
        width: 46;
        height: 1fr;
    }
    WizardScreen .step {
        height: 1fr;
    }
    WizardScreen .step > Label, WizardScreen .field > Label {
        margin-top: 1;
        color: $text-muted;
    }
    WizardScreen .field {
        layout: vertical;
        height: auto;
    }
    WizardScreen .field-body {
        height: auto;
    }
    WizardScreen .label-short, WizardScreen .field-hint {
        display: none;
    }
    WizardScreen.-labels-beside .field {
        layout: horizontal;
        margin-top: 1;
    }
    WizardScreen.-labels-beside .field > .label-long {
        display: none;
    }
    WizardScreen.-labels-beside .field > .label-short {
        display: block;
        width: 27;
        margin: 0 1 0 0;
    }
    WizardScreen.-labels-beside .field-hint {
        display: block;
        color: $text-muted;
        height: auto;
    }
    WizardScreen.-labels-beside .field-body {
        width: 1fr;
    }
    WizardScreen .step Input, WizardScreen .step Select {
        width: 1fr;
    }
    WizardScreen Input.-bad {
        background: $error 25%;
    }
    WizardScreen .field-error {
        color: $error;
        height: auto;
    }
    WizardScreen #owner-error {
        display: none;
    }
    WizardScreen #owner-error.-shown {
        display: block;
    }
    WizardScreen .conf-row {
        height: 1;
    }
    WizardScreen .conf-row Input {
        width: 6;
        margin-right: 1;
    }
    WizardScreen .conf-label {
        width: 1fr;
    }
    WizardScreen #card {
        border: round $primary;
        padding: 0 1;
        height: auto;
    }
    WizardScreen #nav {
        height: 1;
        padding: 0 1;
    }
    WizardScreen #nav Button {
        margin-right: 2;
    }
    WizardScreen #nav-space {
        width: 1fr;
    }
    """
