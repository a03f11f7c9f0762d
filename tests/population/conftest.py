"""One in-process Ray session for every population test that needs it (Ray takes seconds to start)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def ray_local() -> Iterator[None]:
    from socialaid.population.batch import ray_session

    with ray_session():
        yield
