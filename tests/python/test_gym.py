"""recoscope.gym.SlateEnv works without gymnasium: reset/step, spaces described, and an
episode's rewards add up to what its events say."""

import numpy as np

import recoscope
from recoscope.gym import SlateEnv, default_reward


def test_slate_env_episode():
    env = SlateEnv("default", seed=3, days=0.05)
    obs, info = env.reset()
    assert obs is not None and env.k == obs["k"]
    assert env.action_space is not None and env.observation_space is not None
    total, steps, clicks, revenue = 0.0, 0, 0, 0.0
    terminated = False
    while not terminated:
        action = obs["candidates"][: obs["k"]]
        obs, reward, terminated, truncated, info = env.step(action)
        ev = info["events"]
        assert reward == default_reward(ev)
        clicks += int((ev["kind"] == 1).sum())
        revenue += float(ev["price"][ev["kind"] == 6].sum())
        total += reward
        steps += 1
        assert not truncated
    assert steps > 50
    m = env.metrics()
    assert m["clicks"] == clicks
    assert np.isclose(total, clicks + revenue)
    assert np.isclose(m["revenue"], revenue, rtol=1e-5)


def test_reset_with_seed_replays():
    env = SlateEnv("default", seed=1, days=0.02)
    a, _ = env.reset(seed=9)
    b, _ = env.reset(seed=9)
    assert a["user"] == b["user"] and a["time"] == b["time"]
    c, _ = env.reset(seed=10)
    assert (c["user"], c["time"]) != (a["user"], a["time"])
