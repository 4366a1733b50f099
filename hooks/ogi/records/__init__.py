"""Reading and checking the records: YAML with lines, the models, German messages, files beside them → Site."""
