"""recoscope.Store reads runs, events and metric buckets; checked against the SQLite file
read with Python's own sqlite3 (an independent reader of docs/database.md's tables)."""

import sqlite3

import numpy as np

import recoscope


def test_store_reader_against_sqlite(tmp_path):
    db = tmp_path / "runs.db"
    a = recoscope.run("default", "popularity", seed=1, events=2500, db=db, label="first")
    b = recoscope.run("default", "random", seed=1, events=1200, db=db)
    store = recoscope.Store(db)
    runs = store.runs()
    assert [r["id"] for r in runs] == [a["run_id"], b["run_id"]] or \
        sorted(r["id"] for r in runs) == sorted([a["run_id"], b["run_id"]])
    first = next(r for r in runs if r["id"] == a["run_id"])
    assert first["recommender"] == "popularity" and first["label"] == "first"
    assert first["summary"]["clicks"] == a["clicks"]

    ev = store.events(a["run_id"], as_numpy=True)
    assert ev.dtype == recoscope.event_dtype and len(ev) == 2500
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT time, user, item, kind, surface, position, from_rec, price "
                           "FROM events WHERE run_id = ? ORDER BY seq", (a["run_id"],)).fetchall()
    assert len(rows) == len(ev)
    ref = np.array(rows, dtype=object)
    assert np.allclose(ev["time"], ref[:, 0].astype(float))
    assert np.array_equal(ev["user"], ref[:, 1].astype(np.int64))
    item = np.array([recoscope.NO_ITEM if v is None else v for v in ref[:, 2]], dtype=np.int64)
    assert np.array_equal(ev["item"].astype(np.int64), item)
    assert np.array_equal(ev["kind"], ref[:, 3].astype(np.int64))
    assert np.array_equal(ev["position"], ref[:, 5].astype(np.int64))
    assert np.allclose(ev["price"], ref[:, 7].astype(float), atol=1e-4)
    assert int((ev["kind"] == 1).sum()) == a["clicks"]

    part = store.events(a["run_id"], offset=100, limit=50, as_numpy=True)
    assert part.tobytes() == ev[100:150].tobytes()

    m = store.metrics(a["run_id"], as_numpy=True)
    names = store.metric_names(a["run_id"])
    assert names and set(names) <= set(m.dtype.names)
    with sqlite3.connect(db) as con:
        n_buckets = con.execute("SELECT COUNT(DISTINCT bucket_time) FROM metrics WHERE run_id = ?",
                                (a["run_id"],)).fetchone()[0]
    assert len(m) == n_buckets


def padding_offsets(dtype):
    covered = np.zeros(dtype.itemsize, dtype=bool)
    for field_type, offset, *_ in dtype.fields.values():
        covered[offset:offset + field_type.itemsize] = True
    return np.flatnonzero(~covered)


def assert_padding_zero(events):
    """Every byte of an events array that no field covers is 0: NumPy shows padding
    (tobytes(), np.save, hashing), so old heap bytes there made equal events differ.
    Mutation: writeRecord without its memset fails this under ASan (its allocator fills
    fresh blocks with 0xbe), which `make test-asan` runs."""
    pad = padding_offsets(events.dtype)
    assert list(pad) == [21, 22, 23, 28, 29, 30, 31]  # after from_recommendation, price
    raw = np.frombuffer(events.tobytes(), dtype=np.uint8).reshape(len(events), -1)
    assert len(events) > 0 and not raw[:, pad].any()


def test_event_arrays_have_zero_padding(tmp_path):
    db = tmp_path / "runs.db"
    a = recoscope.run("default", "popularity", seed=3, events=1500, db=db)
    store = recoscope.Store(db)
    assert_padding_zero(store.events(a["run_id"], as_numpy=True))
    assert_padding_zero(store.events(a["run_id"], offset=10, limit=40, as_numpy=True))
    sim = recoscope.Simulator("default", seed=3)
    recent = None
    for _ in range(200):
        req = sim.next_request()
        if len(req["recent_events"]):
            recent = req["recent_events"]
        step = sim.respond(req["candidates"][: req["k"]])
        if len(step):
            assert_padding_zero(step)
    assert recent is not None
    assert_padding_zero(recent)
