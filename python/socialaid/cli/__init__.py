"""The ``socialaid`` command line: a thin surface over the library core (:mod:`socialaid.engine`).

One module per command group: ``whatif``, ``sweep``, ``explain`` and ``params`` each a Typer app merged
into :data:`socialaid.cli.app.app` by ``main``; ``population`` and ``serve`` register on it directly:
``main`` (decide, validate, clauses, schema, bundle), ``whatif``, ``sweep``, ``explain``,
``params``, ``population`` (synth, batch, impact) and ``serve``.
"""
