"""Pages from templates (../templates/), markers in hand-written pages, search words and the menu."""
