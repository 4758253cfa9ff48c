from hypothesis import given
from hypothesis import strategies as st

from core.tracking import LENGTH, is_tracking_code, new_tracking_code, verhoeff_check_digit, verhoeff_valid

bodies = st.text(alphabet="0123456789", min_size=LENGTH - 1, max_size=LENGTH - 1)


@given(bodies)
def test_check_digit_completes_a_valid_code(body):
    assert verhoeff_valid(body + verhoeff_check_digit(body))


@given(bodies, st.integers(min_value=0, max_value=LENGTH - 1), st.integers(min_value=1, max_value=9))
def test_every_single_digit_error_is_caught(body, position, delta):
    code = body + verhoeff_check_digit(body)
    wrong = code[:position] + str((int(code[position]) + delta) % 10) + code[position + 1:]
    assert not verhoeff_valid(wrong)


@given(bodies, st.integers(min_value=0, max_value=LENGTH - 2))
def test_every_adjacent_swap_is_caught(body, position):
    code = body + verhoeff_check_digit(body)
    if code[position] == code[position + 1]:
        return
    swapped = code[:position] + code[position + 1] + code[position] + code[position + 2:]
    assert not verhoeff_valid(swapped)


def test_new_codes_are_digits_fixed_length_valid_and_not_sequential():
    codes = [new_tracking_code() for _ in range(2000)]
    assert all(len(c) == LENGTH and c.isdigit() and c[0] != "0" and is_tracking_code(c) for c in codes)
    assert len(set(codes)) == len(codes)
    numbers = sorted(int(c[:-1]) for c in codes)
    gaps = {b - a for a, b in zip(numbers, numbers[1:])}
    assert len(gaps) > 1000  # random spread, not a counter


def test_malformed_codes_are_not_tracking_codes():
    assert not is_tracking_code("")
    assert not is_tracking_code("12345")
    assert not is_tracking_code("۱۲۳۴۵۶۷۸۹۰۱۲")


def test_random_draws_are_uniform_and_cover_the_range():
    from core.tracking import _UrandomPool

    pool = _UrandomPool(size=64)  # small, so the pool refills many times
    draws = [pool.below(10) for _ in range(20_000)]
    counts = [draws.count(d) for d in range(10)]
    assert min(counts) > 1_800 and max(counts) < 2_200  # ~2,000 each
    assert {pool.below(3) for _ in range(200)} == {0, 1, 2}


def test_a_forked_child_does_not_reuse_its_parents_random_bytes():
    import os

    from core.tracking import _random

    _random.below(10)  # the parent holds buffered bytes now
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.write(write, new_tracking_code().encode())
        os._exit(0)
    os.waitpid(pid, 0)
    child_code = os.read(read, 64).decode()
    assert child_code != new_tracking_code()
    assert is_tracking_code(child_code)
