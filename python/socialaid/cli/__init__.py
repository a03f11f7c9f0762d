"""The ``socialaid`` command line: a thin surface over the library core (:mod:`socialaid.engine`).

One module per command group, each registering its commands on :data:`socialaid.cli.app.app`:
``main`` (decide, validate, clauses, schema, bundle), ``analysis`` (what-if, sweep, explain),
``params``, ``population`` (synth, batch, impact) and ``serve``.
"""
