"""kg.workers.run: results in the order of the items, whatever the processes; with ``ahead``, the
processes wait for the consumer rather than fill memory with results nobody has taken. ``apart``: one
piece of work in a process of its own, its result or its error handed back."""

import multiprocessing
import os
import signal
import time

import pytest

from kg.errors import DipkgError
from kg.workers import Ahead, Mapped, Started, WorkerLost, apart, run

MADE = multiprocessing.Value("i", 0)


def _square(n: int) -> int:
    with MADE.get_lock():
        MADE.value += 1
    return n * n


@pytest.mark.parametrize(("jobs", "ahead"), [(1, None), (2, None), (2, 5), (3, 100)])
def test_results_come_in_the_order_of_the_items(jobs, ahead):
    assert list(run(_square, list(range(300)), jobs=jobs, what="", ahead=ahead)) == [n * n for n in range(300)]


MAKING: list[int] = []


def _made(n: int) -> tuple[int, int]:
    MAKING.append(n)
    return n, n + 1


def _sum(task: tuple[int, int]) -> int:
    return task[0] + task[1]


@pytest.mark.parametrize("jobs", [1, 2])
def test_mapped_tasks_are_made_as_they_are_handed_out_and_run_in_order(jobs):
    MAKING.clear()
    tasks = Mapped(_made, list(range(200)))
    assert len(tasks) == 200 and MAKING == []
    assert tasks[5] == (5, 6) and tasks[1:3] == [(1, 2), (2, 3)]
    assert list(run(_sum, tasks, jobs=jobs, what="")) == [2 * n + 1 for n in range(200)]
    assert MAKING[3:] == list(range(200))  # each made once, in this process, by the run


@pytest.mark.parametrize("ahead", [100, None])
def test_the_processes_make_at_most_the_results_asked_ahead(ahead):
    MADE.value = 0
    results = run(_square, list(range(1000)), jobs=2, what="", ahead=ahead)
    taken = [next(results) for _ in range(10)]
    time.sleep(1.0)
    made = MADE.value
    assert taken == [n * n for n in range(10)]
    assert made <= 10 + 100 if ahead else made > 10 + 100  # without a limit they run on
    assert len(list(results)) == 990


PARENT = os.getpid()


def _killed_at(n: int) -> int:
    """A worker killed at item 37 (as the system kills a process for want of memory): never this process."""
    if n == 37 and os.getpid() != PARENT:
        os.kill(os.getpid(), signal.SIGKILL)
    return n


@pytest.mark.parametrize("ahead", [None, 20])
def test_a_worker_killed_is_an_error_not_a_wait_that_never_ends(ahead):
    began = time.perf_counter()
    results = run(_killed_at, list(range(400)), jobs=2, what="extracting", ahead=ahead)
    with pytest.raises(WorkerLost, match=r"^extracting: a worker process ended before it handed back its results"):
        list(results)
    assert time.perf_counter() - began < 30
    assert issubclass(WorkerLost, DipkgError)  # a one-line error of the command


def _fails_at(n: int) -> int:
    if n == 57:
        raise DipkgError(f"r{n}.txt: cannot extract it")
    return n


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_error_of_the_work_is_raised_where_the_results_are_taken(jobs):
    taken: list[int] = []
    with pytest.raises(DipkgError, match=r"^r57\.txt: cannot extract it$"):
        taken.extend(run(_fails_at, list(range(300)), jobs=jobs, what=""))
    assert taken == list(range(len(taken))) and len(taken) <= 57  # (a task's results come together)
    assert multiprocessing.active_children() == []


def test_a_run_left_early_stops_handing_out_work():
    MADE.value = 0
    results = run(_square, list(range(2000)), jobs=2, what="", ahead=100)
    assert [next(results) for _ in range(5)] == [0, 1, 4, 9, 16]
    results.close()
    made = MADE.value
    time.sleep(0.5)
    assert MADE.value == made <= 5 + 100
    assert multiprocessing.active_children() == []


def test_ahead_whose_process_is_killed_is_an_error_of_its_own():
    early = Ahead(_killed_at, [36, 37, 38], what="extracting")
    with pytest.raises(WorkerLost, match=r"^extracting: the process working apart ended with exit code -9"):
        early.results()


def _pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


@pytest.mark.parametrize(("methods", "elsewhere"), [(("fork", "spawn"), True), (("spawn",), False)])
@pytest.mark.parametrize("items", [[], [3], [1, 2, 3, 4, 5]])
def test_ahead_gives_the_results_in_order_from_a_process_of_their_own_where_it_can_fork(monkeypatch, items, methods,
                                                                                        elsewhere):
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: list(methods))
    early = Ahead(_pid_and_square, items)
    got = early.results()
    early.close()  # again: nothing left to stop
    assert [square for _, square in got] == [n * n for n in items]
    assert all((pid != os.getpid()) == elsewhere for pid, _ in got)


def _pid_and_squares(n: int) -> tuple[int, list[int]]:
    return os.getpid(), list(run(_square, list(range(n)), jobs=2, what=""))  # processes of its own too


def _raise_dipkg_error() -> None:
    raise DipkgError("in.txt: cannot read it")


def _end_without_a_word() -> None:
    os._exit(3)


def _unpicklable() -> object:
    return lambda: None


@pytest.mark.parametrize(("methods", "elsewhere"), [(("fork", "spawn"), True), (("spawn",), False)])
def test_apart_gives_the_result_from_a_process_of_its_own_where_it_can_fork(monkeypatch, methods, elsewhere):
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: list(methods))
    pid, squares = apart(lambda: _pid_and_squares(50))
    assert squares == [n * n for n in range(50)] and (pid != os.getpid()) == elsewhere


@pytest.mark.parametrize(("func", "error", "message"), [
    (_raise_dipkg_error, DipkgError, "in.txt: cannot read it"),
    (_end_without_a_word, ChildProcessError, "ended with exit code 3"),
    (_unpicklable, ChildProcessError, "could not send its result"),
])
def test_apart_raises_what_went_wrong_in_its_process(func, error, message):
    with pytest.raises(error, match=message):
        apart(func)


def _sleep_long() -> None:
    time.sleep(60)


@pytest.mark.parametrize(("methods", "elsewhere"), [(("fork", "spawn"), True), (("spawn",), False)])
def test_started_work_runs_beside_this_process_and_gives_its_result_when_asked(monkeypatch, methods, elsewhere):
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: list(methods))
    begun = Started(lambda: _pid_and_squares(20))
    pid, squares = begun.result()
    assert squares == [n * n for n in range(20)] and (pid != os.getpid()) == elsewhere
    begun.stop()  # after its result: nothing left to stop


def test_started_work_stopped_unfinished_ends_at_once():
    begun = Started(_sleep_long)
    began = time.perf_counter()
    begun.stop()
    assert time.perf_counter() - began < 10
    assert begun._process is not None and begun._process.exitcode is not None


@pytest.mark.parametrize(("func", "error", "message"), [
    (_raise_dipkg_error, DipkgError, "in.txt: cannot read it"),
    (_end_without_a_word, ChildProcessError, "ended with exit code 3"),
])
def test_started_work_raises_what_went_wrong_when_its_result_is_asked(func, error, message):
    begun = Started(func)
    with pytest.raises(error, match=message):
        begun.result()
