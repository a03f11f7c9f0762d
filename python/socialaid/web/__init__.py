"""The caseworker's web page (``socialaid web``): a household form from the request schema, the decision
with its reasons and the plan's words, the facts to ask for, what-ifs, an income sweep and a printable
notice. :func:`socialaid.web.app.create_app` makes the ASGI app on a :class:`socialaid.Engine`."""
