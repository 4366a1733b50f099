"""Events: each folder of content/ with a tagung.yml, its programme, pages and programme formats."""
