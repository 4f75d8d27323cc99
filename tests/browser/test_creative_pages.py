"""The Jobs and Gallery pages in a real browser: a job's row follows its progress live to done, Mission
Control gives a job one line, Cancel and Retry work from the page, and the gallery shows a new image without
a reload and its image, audio and video load and play in Chromium."""

import json
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from test_dashboard import console_errors, wait
from conftest import set_width

# Long enough (600 frames of 720p) to be watched while it runs.
LONG_CLIP = {"prompt": "a long slow pan over hills at dusk", "duration": 10, "fps": 60, "resolution": "720p", "seed": 5}


def run_tool(server, tool, persona, arguments):
    request = urllib.request.Request(f"{server.url}/api/tools/{tool}/run",
                                     data=json.dumps({"persona": persona, "arguments": arguments}).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 202
        return json.loads(answer.read())["job"]["job"]["id"]


def row(driver, job):
    return driver.find_element(By.CSS_SELECTOR, f'tr[data-job="{job}"]')


def progress(driver, job):
    return float(row(driver, job).find_element(By.CSS_SELECTOR, "progress").get_attribute("value"))


def test_a_job_row_follows_its_progress_live_to_done(server, browser):
    set_width(browser, 1280)
    job = run_tool(server, "generate_video_clip", "reel", LONG_CLIP)
    browser.get(server.url + "/jobs")
    browser.execute_script("window.notReloaded = true")
    wait(browser).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-live-indicator]"), "Live"))
    first = progress(browser, job)
    assert first < 1, "the clip finished before the page was open: make it longer"
    wait(browser, 60).until(lambda driver: first < progress(driver, job) < 1)
    wait(browser, 120).until(lambda driver: row(driver, job).get_attribute("data-job-status") == "done")
    # The finished row may be drawn again as the page catches up on the status change: read it through a wait.
    wait(browser, 10).until(lambda driver: progress(driver, job) == 1 and "100%" in row(driver, job).text)
    assert browser.execute_script("return window.notReloaded === true"), "the page reloaded"
    assert console_errors(browser) == []


def test_mission_control_folds_a_jobs_progress_into_one_line(server, browser):
    set_width(browser, 1280)
    browser.get(server.url + "/")
    wait(browser).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-live-indicator]"), "Live"))
    job = run_tool(server, "generate_video_clip", "reel", dict(LONG_CLIP, duration=4, seed=7))
    line = f'#feed [data-job-line="{job}"]'
    wait(browser, 60).until(lambda driver: "job running" in driver.find_element(By.CSS_SELECTOR, line).text)
    wait(browser, 120).until(lambda driver: "job done" in driver.find_element(By.CSS_SELECTOR, line).text)
    assert len(browser.find_elements(By.CSS_SELECTOR, line)) == 1
    assert browser.find_element(By.CSS_SELECTOR, f"{line} a").get_attribute("href").endswith(f"/jobs#job-{job}")
    assert console_errors(browser) == []


def test_cancel_and_retry_from_the_page(server, browser):
    job = run_tool(server, "generate_video_clip", "reel", dict(LONG_CLIP, seed=6))
    browser.get(server.url + "/jobs")
    cancel = wait(browser).until(lambda driver: row(driver, job).find_element(By.XPATH, ".//button[text()='Cancel']"))
    cancel.click()
    wait(browser).until(lambda driver: row(driver, job).get_attribute("data-job-status") == "cancelled")
    assert browser.current_url.endswith(f"/jobs#job-{job}")
    row(browser, job).find_element(By.XPATH, ".//button[text()='Retry']").click()
    wait(browser).until(lambda driver: row(driver, job).get_attribute("data-job-status") in ("queued", "running", "done"))
    wait(browser, 120).until(lambda driver: row(driver, job).get_attribute("data-job-status") == "done")


def test_the_gallery_shows_and_plays_what_was_made(server, browser):
    set_width(browser, 1280)
    browser.get(server.url + "/gallery?kind=image")
    wait(browser).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-live-indicator]"), "Live"))
    browser.execute_script("window.notReloaded = true")
    shown = len(browser.find_elements(By.CSS_SELECTOR, ".asset"))
    run_tool(server, "generate_image", "pixel", {"prompt": "a harbour at dawn", "width": 512, "height": 512, "seed": 2})
    wait(browser, 60).until(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, ".asset")) == shown + 1)
    assert browser.execute_script("return window.notReloaded === true"), "the gallery reloaded instead of updating"
    # The live update may replace the card again (its job's last event): each look finds it afresh.
    newest_image = "const image = document.querySelector('.asset-media img'); "
    wait(browser).until(lambda driver: driver.execute_script(newest_image + "return image !== null && image.complete"))
    # The gallery shows the server's 320-px thumbnail and links the full picture.
    assert browser.execute_script(newest_image + "return image.naturalWidth") == 320
    assert browser.execute_script(newest_image + "return image.closest('a').href").endswith(".png")
    wait(browser).until(lambda driver: "sketch" in driver.execute_script("return document.querySelector('.asset').innerText"))

    run_tool(server, "generate_instrumental", "lyra", {"prompt": "rain on a window", "genre": "lo-fi", "duration": 10})
    browser.get(server.url + "/jobs")
    wait(browser, 120).until(lambda driver: not driver.find_elements(
        By.CSS_SELECTOR, 'tr[data-job-status="queued"], tr[data-job-status="running"]'))

    browser.get(server.url + "/gallery?kind=video")
    video = browser.find_element(By.CSS_SELECTOR, ".asset-media video")
    # A list shows each clip's poster (a thumbnail) and loads the clip only when asked.
    assert "/previews/thumbnail/video/" in video.get_attribute("poster")
    browser.execute_script("arguments[0].preload = 'metadata'; arguments[0].load()", video)
    wait(browser, 30).until(lambda driver: driver.execute_script("return arguments[0].readyState >= 1 || arguments[0].error", video))
    assert browser.execute_script("return arguments[0].error", video) is None, "Chromium could not read the clip"
    assert abs(browser.execute_script("return arguments[0].duration", video) - 10) < 0.2
    assert browser.execute_script("return [arguments[0].videoWidth, arguments[0].videoHeight]", video) == [1280, 720]

    browser.get(server.url + "/gallery?kind=audio")
    audio = browser.find_element(By.CSS_SELECTOR, ".asset-media audio")
    browser.execute_script("arguments[0].preload = 'metadata'; arguments[0].load()", audio)
    wait(browser, 30).until(lambda driver: driver.execute_script("return arguments[0].readyState >= 1 || arguments[0].error", audio))
    assert browser.execute_script("return arguments[0].error", audio) is None, "Chromium could not read the WAV"
    assert abs(browser.execute_script("return arguments[0].duration", audio) - 10) < 0.2
    assert console_errors(browser) == []
