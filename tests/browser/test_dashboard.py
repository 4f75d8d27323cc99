"""The dashboard in a real browser: post from the form and follow the task live, read its page (which follows
its task live too), see the call in the tool usage, post again with scripts off, sign in with a token, and
capture every page at phone and desktop widths."""

import json
import re
import urllib.error
import urllib.request

import pytest
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import SCREENSHOTS, Server, make_driver, set_width

TASK = "list the files in the workspace"


def wait(driver, seconds=20):
    return WebDriverWait(driver, seconds, ignored_exceptions=[NoSuchElementException, StaleElementReferenceException])


def heading_is(text):
    """The page's heading reads `text`. Read in one script, so a page swapped mid-read (a sign-out's
    redirect) is a heading not there yet, not a reference into a document that has gone."""
    return lambda driver: driver.execute_script(
        "const h = document.querySelector('h1'); return h ? h.innerText : null") == text


def console_errors(driver, expected=()):
    """Errors the browser logged (a blocked inline script would be one), less those a test provoked."""
    return [entry for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and not any(text in entry["message"] for text in expected)]


def test_post_from_the_form_follows_the_task_live(server, browser, state):
    set_width(browser, 1280)
    browser.get(server.url + "/")
    wait(browser).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-live-indicator]"), "Live"))
    browser.execute_script("window.notReloaded = true")

    browser.find_element(By.ID, "description").send_keys(TASK)
    browser.find_element(By.CSS_SELECTOR, ".post-form button[type=submit]").click()

    status = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#post-status a")))
    task_id = re.search(r"/tasks/([0-9a-f-]{36})$", status.get_attribute("href")).group(1)
    state["task"] = task_id
    def in_feed(kind):
        return f'#feed .feed-{kind} a[href="/tasks/{task_id}"]'

    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, in_feed("task_posted"))))
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, in_feed("tool_executed"))))
    completed = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, in_feed("task_completed"))))
    assert "completed" in completed.find_element(By.XPATH, "..").text
    assert len(browser.find_elements(By.CSS_SELECTOR, in_feed("bid_submitted"))) == 9
    wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, ".count-completed .count-number").text == "1")
    assert browser.execute_script("return window.notReloaded === true"), "the page reloaded"
    assert browser.find_element(By.ID, "description").get_attribute("value") == ""
    assert console_errors(browser) == []


def test_task_page_shows_bids_and_the_tool_call(server, browser, state):
    browser.get(f"{server.url}/tasks/{state['task']}")
    assert browser.find_element(By.CSS_SELECTOR, "[data-task-status]").text == "completed"
    bids = browser.find_elements(By.CSS_SELECTOR, "table.bids tbody tr")
    assert len(bids) == 9
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.bids tr.winner")) == 1
    call = browser.find_element(By.CSS_SELECTOR, "article.call")
    assert "list_files" in call.text and "succeeded" in call.text
    assert re.search(r"\d+(\.\d+)? ms", call.text)
    assert "path" in call.find_element(By.CSS_SELECTOR, ".arguments").text
    assert "README.md" in browser.find_element(By.CSS_SELECTOR, ".outcome-completed").text
    steps = [step.text for step in browser.find_elements(By.CSS_SELECTOR, ".timeline li")]
    assert any("task posted" in step for step in steps) and any("task completed" in step for step in steps)


def test_tools_page_shows_the_call_in_usage(server, browser, state):
    browser.get(server.url + "/tools")
    card = browser.find_element(By.ID, "tool-list_files")
    rows = [row.text for row in card.find_elements(By.CSS_SELECTOR, "table.usage tbody tr")]
    assert rows and rows[0].startswith("all agents 1 100%"), rows
    assert "No calls yet." in browser.find_element(By.ID, "tool-write_file").text
    assert "quill" in card.text.lower() or len(rows) == 2


def test_posting_works_with_scripts_off(server, browser_without_scripts):
    driver = browser_without_scripts
    set_width(driver, 390)
    driver.get(server.url + "/")
    assert driver.find_element(By.CSS_SELECTOR, "[data-live-indicator]").get_attribute("hidden") is not None
    driver.find_element(By.ID, "description").send_keys("read README.md")
    driver.find_element(By.CSS_SELECTOR, ".post-form button[type=submit]").click()
    wait(driver).until(EC.url_matches(r"/tasks/[0-9a-f-]{36}$"))
    for _ in range(50):
        if driver.find_element(By.CSS_SELECTOR, "[data-task-status]").text == "completed":
            break
        driver.refresh()
    assert driver.find_element(By.CSS_SELECTOR, "[data-task-status]").text == "completed"
    assert "hello from the browser tests" in driver.find_element(By.CSS_SELECTOR, ".outcome-completed").text

    driver.get(server.url + "/")
    driver.find_element(By.CSS_SELECTOR, ".post-form button[type=submit]").click()  # empty: the browser's own check
    assert driver.current_url.rstrip("/") == server.url


def test_a_cross_site_form_post_is_refused(server):
    request = urllib.request.Request(server.url + "/tasks", data=b"description=list+the+files", method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": "https://evil.example"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)
    assert refused.value.code == 403


PAGES = ["/", "/chat", "/swarm", "/tasks", "/task", "/jobs", "/gallery", "/tools", "/spark", "/marketplace", "/ledger", "/no-such-page"]


@pytest.mark.parametrize("width", [390, 1280])
def test_every_page_fits_and_is_captured(server, browser, state, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    set_width(browser, width)
    for path in PAGES:
        url = server.url + (f"/tasks/{state['task']}" if path == "/task" else path)
        browser.get(url)
        assert browser.find_element(By.TAG_NAME, "h1").text
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than a {width}px screen"
        height = browser.execute_script("return document.documentElement.scrollHeight")
        set_width(browser, width, min(height, 8000))
        name = path.strip("/").replace("/", "-") or "mission-control"
        browser.save_screenshot(str(SCREENSHOTS / f"{name}-{width}.png"))
        set_width(browser, width)
    assert console_errors(browser, expected=["/no-such-page"]) == []


def test_task_page_follows_its_task_live(server, browser):
    corpus = server.folder / "workspace" / "corpus"
    corpus.mkdir(exist_ok=True)
    for index in range(200):
        (corpus / f"file{index}.txt").write_text(f"lorem ipsum dolor sit amet {index}\n" * 1500)
    ids = [post_json(server, "search for 'needle' in corpus")["task"]["id"] for _ in range(5)]
    set_width(browser, 1280)
    browser.get(f"{server.url}/tasks/{ids[-1]}")
    browser.execute_script("window.notReloaded = true")
    status = lambda driver: driver.find_element(By.CSS_SELECTOR, "[data-task-status]").text
    assert status(browser) not in ("completed", "failed"), "the task ended before its page was open: make the corpus larger"
    wait(browser, 60).until(lambda driver: status(driver) == "completed")
    assert browser.execute_script("return window.notReloaded === true"), "the page reloaded"
    assert len(browser.find_elements(By.CSS_SELECTOR, "article.call")) == 1


def post_json(server, description):
    request = urllib.request.Request(server.url + "/api/tasks", data=json.dumps({"description": description}).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())


def test_signing_in_with_a_token():
    token = "browser-test-token-0123456789"
    secured = Server(token=token)
    driver = make_driver()
    try:
        set_width(driver, 390)
        driver.get(secured.url + "/swarm")
        assert driver.find_element(By.TAG_NAME, "h1").text == "Sign in to Timmy"
        driver.save_screenshot(str(SCREENSHOTS / "login-390.png"))
        driver.find_element(By.ID, "token").send_keys("wrong-token-wrong-token")
        driver.find_element(By.CSS_SELECTOR, ".login button").click()
        error = wait(driver).until(EC.presence_of_element_located((By.ID, "login-error")))
        assert "not this server's token" in error.text
        driver.find_element(By.ID, "token").send_keys(token)
        driver.find_element(By.CSS_SELECTOR, ".login button").click()
        wait(driver).until(EC.url_to_be(secured.url + "/swarm"))
        wait(driver).until(heading_is("Swarm"))
        cookie = driver.get_cookie("timmy_session")
        assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
        driver.find_element(By.CSS_SELECTOR, ".sign-out button").click()
        wait(driver).until(heading_is("Sign in to Timmy"))
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(secured.url + "/api/tasks", timeout=5)
        assert refused.value.code == 401 and "token" in json.loads(refused.value.read())["error"]["message"]
    finally:
        driver.quit()
        secured.stop()
