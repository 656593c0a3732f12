"""The simplest Python core: the first k candidates (the speed benchmark's core).

    build/bin/recoscope-cli run --scenario default --recommender py:examples/python/first_k.py:FirstK
"""


class FirstK:
    def recommend(self, request):
        return request["candidates"][: request["k"]]
