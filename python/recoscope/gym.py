"""recoscope.gym.SlateEnv: the simulator as a gymnasium-style environment.

Works without gymnasium (reset/step return the gymnasium 0.26+ tuples, spaces are plain
descriptions); when gymnasium is importable the spaces are gymnasium spaces and the
environment is registered as "recoscope/Slate-v0".

Observation: the request dict of Simulator.next_request() (user, surface, k, candidates,
recent_events, items, ...). Action: item ids, up to k of them, in display order.
Reward: by default the revenue of the step's purchases plus 1 for a click
(reward_fn(events) -> float to change it). An episode is one run of the scenario (or of
`days` simulated days); terminated is True at its end.
"""

import numpy as _np

try:
    import gymnasium as _gymnasium
except ImportError:
    _gymnasium = None


class _Description:
    """A space without gymnasium: its shape and meaning as data."""

    def __init__(self, kind, **fields):
        self.kind = kind
        self.__dict__.update(fields)

    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items() if k != "kind")
        return f"{self.kind}({fields})"


def default_reward(events):
    kinds = events["kind"]
    purchases = kinds == 6
    return float(events["price"][purchases].sum()) + float((kinds == 1).sum())


class SlateEnv(_gymnasium.Env if _gymnasium else object):
    metadata = {"render_modes": []}

    def __init__(self, scenario="default", seed=None, days=0.0, reward_fn=default_reward):
        from . import Simulator
        self._Simulator = Simulator
        self.scenario = scenario
        self.seed = seed
        self.days = days
        self.reward_fn = reward_fn
        probe = Simulator(scenario, seed=seed, days=days)
        self.n_items = probe.n_items
        self.k = None
        self._sim = None
        self._request = None
        if _gymnasium:
            from gymnasium import spaces
            # Item ids; the slate length is the scenario's slate size (at most n_items).
            self.action_space = spaces.Sequence(spaces.Discrete(self.n_items))
            self.observation_space = spaces.Dict({
                "user": spaces.Discrete(probe.n_users),
                "candidates": spaces.Sequence(spaces.Discrete(self.n_items)),
            })
        else:
            self.action_space = _Description(
                "Slate", n_items=self.n_items,
                meaning="up to k distinct item ids from observation['candidates']")
            self.observation_space = _Description(
                "Request", n_users=probe.n_users, n_items=self.n_items,
                keys=["user", "time", "day", "surface", "k", "context_item", "exclude",
                      "candidates", "recent_events", "items"])

    def reset(self, *, seed=None, options=None):
        if seed is not None:
            self.seed = seed
        self._sim = self._Simulator(self.scenario, seed=self.seed, days=self.days)
        self._request = self._sim.next_request()
        self.k = self._request["k"] if self._request is not None else None
        return self._request, {}

    def step(self, action):
        if self._sim is None or self._request is None:
            raise RuntimeError("call reset() first (or again: the episode is over)")
        events = self._sim.respond(_np.asarray(action, dtype=_np.int64))
        reward = self.reward_fn(events)
        self._request = self._sim.next_request()
        terminated = self._request is None
        return self._request, reward, terminated, False, {"events": events}

    def metrics(self):
        return self._sim.metrics() if self._sim else {}


if _gymnasium:
    try:
        _gymnasium.register(id="recoscope/Slate-v0", entry_point="recoscope.gym:SlateEnv")
    except Exception:  # already registered (module reloaded)
        pass
