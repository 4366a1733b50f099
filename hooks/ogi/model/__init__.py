"""The linked site model (Site, Massnahme, …), one build, the site's addresses and generated files."""
