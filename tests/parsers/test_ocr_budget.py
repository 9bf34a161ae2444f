"""The OCR time limits count the CPU seconds of the reading (parsers/limits.py,
``OcrBudget``): a scan refused on a busy machine is the scan refused on an
idle one, and wall time stays bounded at ``WALL_FACTOR`` times a limit."""
from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from parsers.limits import WALL_FACTOR, LimitExceeded, Limits, OcrBudget


class Clocks:
    """A wall clock and a CPU clock the test moves."""

    def __init__(self):
        self.wall = self.cpu = 0.0

    def run(self, cpu: float, load: float = 1.0) -> None:
        """``cpu`` seconds of work on a machine giving it 1/``load`` of a core."""
        self.cpu += cpu
        self.wall += cpu * load


def _budget(page: float = 120.0, document: float = 1800.0) -> tuple[OcrBudget, Clocks]:
    clocks = Clocks()
    budget = OcrBudget(Limits(ocr_page_seconds=page, ocr_document_seconds=document),
                       clock=lambda: clocks.wall, cpu=lambda: clocks.cpu)
    return budget, clocks


def test_a_page_on_a_loaded_machine_is_read_as_on_an_idle_one():
    budget, clocks = _budget(page=120)
    budget.start_page(1)
    clocks.run(100, load=3.5)  # 350 s of wall time for 100 s of CPU: five agents on two cores
    assert budget.timeout() == pytest.approx(20 * 3.5)  # the CPU left, at the page's pace so far
    clocks.run(19, load=3.5)
    assert budget.timeout() >= 1.0


def test_a_page_over_its_cpu_seconds_is_refused_whatever_the_load():
    for load in (1.0, 3.0):
        budget, clocks = _budget(page=120)
        budget.start_page(2)
        clocks.run(121, load=load)
        with pytest.raises(LimitExceeded) as exc:
            budget.timeout()
        assert exc.value.limit == "ocr_page_seconds"
        assert "trang 2 vượt 120 giây" in str(exc.value)


def test_wall_time_stays_bounded_however_little_cpu_the_page_gets():
    budget, clocks = _budget(page=120)
    budget.start_page(1)
    clocks.run(100, load=WALL_FACTOR + 1)  # 500 s of wall time, 100 s of CPU
    with pytest.raises(LimitExceeded) as exc:
        budget.timeout()
    assert exc.value.limit == "ocr_page_seconds"


def test_on_an_idle_machine_a_call_gets_the_cpu_seconds_left():
    budget, clocks = _budget(page=120)
    budget.start_page(1)
    clocks.run(30)
    assert budget.timeout() == pytest.approx(90.0)


def test_the_document_counts_the_cpu_of_every_page():
    budget, clocks = _budget(page=120, document=200)
    for number in (1, 2):
        budget.start_page(number)
        clocks.run(90, load=2.0)
        budget.end_page()
    budget.start_page(3)
    clocks.run(25, load=2.0)  # 205 s of CPU in all, each page under its 120
    with pytest.raises(LimitExceeded) as exc:
        budget.timeout()
    assert exc.value.limit == "ocr_document_seconds"


def test_pages_read_in_parallel_each_have_their_own_time():
    budget = OcrBudget(Limits(ocr_page_seconds=5))
    budget.start_page(1)  # the main thread's page
    spent: dict[int, float] = {}

    def read(number: int) -> None:
        budget.start_page(number)
        spent[number] = budget.timeout()
        budget.end_page()

    worker = threading.Thread(target=read, args=(2,))
    worker.start()
    worker.join()
    # the worker's page starts at its own start, whatever the main thread's page used
    assert spent[2] >= 4.0
    assert budget.done_cpu < 1.0


@pytest.mark.slow
def test_tesseract_work_is_counted_in_the_reading_threads_cpu():
    """tesserocr runs Tesseract in the calling thread: its work is the
    thread's CPU time, which the budget counts."""
    from parsers.ocr_tesseract import words

    img = np.full((600, 1600), 255, np.uint8)
    import cv2

    for i in range(12):
        cv2.putText(img, "Thanh tra tinh 12,34 UBND xa Hoa Lac", (20, 40 + 45 * i), cv2.FONT_HERSHEY_SIMPLEX,
                    1.0, 0, 2)
    start = time.thread_time()
    assert words(img, 6)
    assert time.thread_time() - start > 0.05
