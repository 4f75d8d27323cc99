"""Chat in a real browser, against a fake Ollama on loopback that streams `/api/chat` as its documentation
gives it (newline-delimited JSON chunks, then one with `done` and the token counts): the answer appears in the
page while it is written, is kept in the store, and the form works with scripts off too."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import Server, make_driver
from test_dashboard import console_errors, wait

ANSWER = ["Hello", " from", " the", " fake", " model."]


class FakeOllama(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.end_headers()
        for piece in ANSWER:
            chunk = {"model": body["model"], "created_at": "2025-05-27T22:54:57Z",
                     "message": {"role": "assistant", "content": piece}, "done": False}
            self.wfile.write((json.dumps(chunk) + "\n").encode())
            self.wfile.flush()
            time.sleep(0.4)
        done = {"model": body["model"], "created_at": "2025-05-27T22:54:59Z", "message": {"role": "assistant", "content": ""},
                "done": True, "done_reason": "stop", "prompt_eval_count": 31, "eval_count": 5}
        self.wfile.write((json.dumps(done) + "\n").encode())

    def log_message(self, *arguments):
        pass


@pytest.fixture(scope="module")
def chat_server():
    fake = ThreadingHTTPServer(("127.0.0.1", 0), FakeOllama)
    threading.Thread(target=fake.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{fake.server_address[1]}"
    running = Server(settings=f'llm_provider = "ollama"\nllm_url = "{url}"\nllm_model = "fake"\n')
    yield running
    running.stop()
    fake.shutdown()


def test_the_answer_streams_into_the_page(chat_server, browser):
    browser.get(chat_server.url + "/chat")
    browser.execute_script("window.notReloaded = true")
    browser.find_element(By.ID, "message").send_keys("hello timmy")
    browser.find_element(By.CSS_SELECTOR, "form[data-chat] button[type=submit]").click()
    wait(browser).until(lambda driver: [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".chat-user .chat-text")][-1:] == ["hello timmy"])
    partial = wait(browser).until(lambda driver: driver.execute_script(
        "const item = [...document.querySelectorAll('.chat-assistant')].pop();"
        "return item && !('done' in item.dataset) && item.querySelector('.chat-text').textContent.length > 0"
        " ? item.querySelector('.chat-text').textContent : false"))
    assert partial != "".join(ANSWER), "the answer should show while it is being written"
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".chat-assistant[data-done]")))
    assert browser.find_elements(By.CSS_SELECTOR, ".chat-assistant .chat-text")[-1].text == "".join(ANSWER)
    assert browser.execute_script("return window.notReloaded === true"), "the page reloaded"
    assert browser.find_element(By.ID, "message").get_attribute("value") == ""
    assert console_errors(browser) == []

    browser.refresh()
    texts = [element.text for element in browser.find_elements(By.CSS_SELECTOR, ".chat-text")]
    assert texts[-2:] == ["hello timmy", "".join(ANSWER)], "the conversation is kept in the store"


def test_chat_works_with_scripts_off(chat_server):
    driver = make_driver(javascript=False)
    try:
        driver.get(chat_server.url + "/chat?new=1")
        driver.find_element(By.ID, "message").send_keys("again, without scripts")
        driver.find_element(By.CSS_SELECTOR, "form[data-chat] button[type=submit]").click()
        wait(driver).until(lambda d: "conversation=" in d.current_url)
        texts = [element.text for element in driver.find_elements(By.CSS_SELECTOR, ".chat-text")]
        assert texts == ["again, without scripts", "".join(ANSWER)]
    finally:
        driver.quit()


def test_without_a_model_the_page_says_how_to_configure_one(server, browser):
    browser.get(server.url + "/chat")
    assert "No language model configured" in browser.find_element(By.TAG_NAME, "main").text
    assert "llm_provider" in browser.find_element(By.CSS_SELECTOR, "[data-chat-hint]").text
    assert browser.find_element(By.CSS_SELECTOR, "form[data-chat] button[type=submit]").get_attribute("disabled")
