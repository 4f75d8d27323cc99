"""The Creative Studio and the Director's project pages in a real browser: an image made from the form
appears without a reload, a song plays and seeks, a Director animatic goes from the Director tab through a
scene edit and approval to a final video with its subtitle track, the project's timeline shows and a
re-rolled scene changes in place, and every form refuses a bad value with its field named, with scripts on
and off."""

import json
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import set_width
from test_dashboard import console_errors, wait

EDITED_SCENE = "a red lighthouse on a cliff above a grey sea"


def api(server, path):
    with urllib.request.urlopen(server.url + path, timeout=10) as answer:
        return json.loads(answer.read())


def fill(driver, element_id, text):
    field = driver.find_element(By.ID, element_id)
    field.clear()
    field.send_keys(text)


def choose(driver, element_id, value):
    Select(driver.find_element(By.ID, element_id)).select_by_value(value)


def asset_ids(driver):
    return driver.execute_script("return [...document.querySelectorAll('.studio-results .asset')].map((card) => card.id)")


def test_an_image_from_the_form_appears_without_a_reload(server, browser):
    set_width(browser, 1280)
    browser.get(server.url + "/creative/ui/images")
    wait(browser).until(lambda driver: "Live" in driver.find_element(By.CSS_SELECTOR, "[data-live-indicator]").text)
    browser.execute_script("window.notReloaded = true")
    before = set(asset_ids(browser))
    fill(browser, "generate_image-prompt", "a lighthouse at dawn, from the studio form")
    fill(browser, "generate_image-width", "256")
    fill(browser, "generate_image-height", "256")
    choose(browser, "generate_image-backend", "sketch")
    browser.find_element(By.CSS_SELECTOR, "#form-generate_image button[type=submit]").click()
    wait(browser).until(lambda driver: "Queued job" in driver.find_element(By.CSS_SELECTOR, "#form-generate_image [data-form-status]").text)
    wait(browser, 60).until(lambda driver: set(asset_ids(driver)) - before)
    new = (set(asset_ids(browser)) - before).pop()
    card = f"#{new}"
    wait(browser).until(lambda driver: driver.execute_script(
        f"const img = document.querySelector('{card} img'); return img && img.complete && img.naturalWidth > 0"))
    # The card shows a thumbnail made on the server, links the full picture, and gives the sidecar's facts. A live
    # update may draw the card again, so it is read in one script, never through an element held from before.
    src, text = browser.execute_script(f"const c = document.querySelector('{card}'); return [c.querySelector('img').src, c.innerText]")
    assert "/previews/thumbnail/images/" in src
    text = text.lower()
    assert "generate_image" in text and "256×256" in text and "seed" in text
    assert browser.execute_script("return window.notReloaded === true"), "the page reloaded"
    assert console_errors(browser) == []


def test_a_song_plays_and_can_be_seeked(server, browser):
    set_width(browser, 1280)
    browser.get(server.url + "/creative/ui/music")
    wait(browser).until(lambda driver: "Live" in driver.find_element(By.CSS_SELECTOR, "[data-live-indicator]").text)
    before = set(asset_ids(browser))
    fill(browser, "generate_song-lyrics", "[verse]\nmorning comes over the hill\nand the river runs still")
    choose(browser, "generate_song-genre", "folk")
    fill(browser, "generate_song-duration", "12")
    choose(browser, "generate_song-backend", "sketch")
    browser.find_element(By.CSS_SELECTOR, "#form-generate_song button[type=submit]").click()
    wait(browser, 90).until(lambda driver: set(asset_ids(driver)) - before)
    card = "#" + (set(asset_ids(browser)) - before).pop()
    assert "morning comes over the hill" in browser.execute_script(f"return document.querySelector('{card} .asset-lyrics pre').textContent")
    browser.execute_script(f"document.querySelector('{card} audio').load()")
    wait(browser, 30).until(lambda driver: driver.execute_script(f"return document.querySelector('{card} audio').readyState >= 1"))
    duration = browser.execute_script(f"return document.querySelector('{card} audio').duration")
    assert 11 < duration < 13
    browser.execute_script(f"document.querySelector('{card} audio').currentTime = 7")
    wait(browser).until(lambda driver: abs(driver.execute_script(f"return document.querySelector('{card} audio').currentTime") - 7) < 0.5)
    assert console_errors(browser) == []


def test_a_director_animatic_from_the_tab_honours_an_edited_scene(server, browser, state):
    set_width(browser, 1280)
    browser.get(server.url + "/creative/ui/director")
    fill(browser, "project-prompt", "a sunrise over mountains")
    fill(browser, "project-duration", "30")
    choose(browser, "project-backend", "sketch")
    choose(browser, "project-pauseAfter", "script")
    browser.find_element(By.CSS_SELECTOR, "#form-project button[type=submit]").click()
    wait(browser, 30).until(lambda driver: "/creative/projects/" in driver.current_url)
    project = browser.current_url.rsplit("/", 1)[-1]
    state["project"] = project
    wait(browser).until(lambda driver: driver.find_element(By.ID, "scene-1").get_attribute("tagName") == "TEXTAREA")
    # The script editor: change scene 1, save (a plain form post), and the page shows the new words.
    fill(browser, "scene-1", EDITED_SCENE)
    browser.find_element(By.CSS_SELECTOR, ".script-form button[type=submit]").click()
    wait(browser).until(lambda driver: driver.find_element(By.ID, "scene-1").get_attribute("value") == EDITED_SCENE)
    assert api(server, f"/api/creative/projects/{project}")["script"]["scenes"][0]["description"] == EDITED_SCENE
    browser.find_element(By.XPATH, "//button[text()='Approve and render']").click()
    # The page follows the render live, step by step, to the end.
    wait(browser, 240).until(lambda driver: driver.execute_script(
        "return document.querySelector('[data-project-status]').dataset.projectStatus") == "completed")
    wait(browser).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "video.final-video"))
    browser.execute_script("document.querySelector('video.final-video').load()")
    wait(browser, 30).until(lambda driver: driver.execute_script("return document.querySelector('video.final-video').readyState >= 1"))
    assert 29 < browser.execute_script("return document.querySelector('video.final-video').duration") < 31
    wait(browser, 30).until(lambda driver: driver.execute_script("return document.querySelector('video.final-video track').readyState") == 2)
    cues = browser.execute_script("return document.querySelector('video.final-video').textTracks[0].cues.length")
    assert cues > 0
    # The final honours the edit: scene 1's keyframe, which its clips move over, was drawn from the edited words.
    detail = api(server, f"/api/creative/projects/{project}")
    keyframe = next(step for step in detail["steps"] if step["kind"] == "storyboard" and step["scene"] == 1)
    assert keyframe["inputs"]["description"] == EDITED_SCENE
    assert console_errors(browser) == []


def test_the_project_page_shows_its_timeline_and_a_rerolled_scene_in_place(server, browser, state):
    project = state.get("project")
    assert project, "runs after the Director test, which makes the project"
    set_width(browser, 1280)
    browser.get(f"{server.url}/creative/projects/{project}")
    wait(browser).until(lambda driver: "Live" in driver.find_element(By.CSS_SELECTOR, "[data-live-indicator]").text)
    browser.execute_script("window.notReloaded = true")
    # The timeline lies in a live region: everything is read in scripts, each finding its elements afresh.
    counts = browser.execute_script(
        "const svg = document.querySelector('svg[data-timeline]'); return ['a.timeline-scene', 'line.timeline-cut', 'circle.timeline-lyric']"
        ".map((selector) => svg.querySelectorAll(selector).length)")
    scenes = len(api(server, f"/api/creative/projects/{project}")["script"]["scenes"])
    assert counts[0] == scenes and counts[1] > 0 and counts[2] > 0
    assert browser.execute_script("return document.querySelector('svg[data-timeline] image').href.baseVal").startswith("/previews/waveform/")
    version = browser.execute_script("return document.getElementById('scene-2').dataset.frameVersion")
    browser.find_element(By.CSS_SELECTOR, "#scene-2 .reroll summary").click()
    fill(browser, "reroll-2", "the same valley under snow")
    browser.find_element(By.XPATH, "//button[text()='Re-roll scene 2']").click()
    scene = "const frame = document.getElementById('scene-2'); return frame ? [frame.dataset.frameVersion, frame.innerText] : [null, '']"
    wait(browser, 120).until(lambda driver: driver.execute_script(scene)[0] not in (None, version))
    wait(browser).until(lambda driver: "the same valley under snow" in driver.execute_script(scene)[1])
    wait(browser, 240).until(lambda driver: driver.execute_script(
        "return document.querySelector('[data-project-status]').dataset.projectStatus") == "completed")
    assert browser.execute_script("return window.notReloaded === true"), "the page reloaded"
    assert console_errors(browser) == []


def refused_with_scripts(driver, form, field, text):
    fill(driver, field, text)
    driver.find_element(By.CSS_SELECTOR, f"#{form} button[type=submit]").click()
    wait(driver).until(lambda d: d.find_element(By.ID, field).get_attribute("aria-invalid") == "true")
    return driver.find_element(By.CSS_SELECTOR, f"#{form} [data-form-status]").text


def test_every_form_names_the_field_it_refuses_with_scripts_on(server, browser):
    set_width(browser, 390)
    browser.get(server.url + "/creative/ui/images")
    assert "prompt" in refused_with_scripts(browser, "form-generate_image", "generate_image-prompt", "   ")
    browser.get(server.url + "/creative/ui/music")
    assert "lyrics" in refused_with_scripts(browser, "form-generate_song", "generate_song-lyrics", "   ")
    browser.get(server.url + "/creative/ui/video")
    assert "prompt" in refused_with_scripts(browser, "form-generate_video_clip", "generate_video_clip-prompt", "  ")
    browser.get(server.url + "/creative/ui/director")
    assert "prompt" in refused_with_scripts(browser, "form-project", "project-prompt", "   ")
    assert console_errors(browser, expected=("422",)) == []


def test_every_form_names_the_field_it_refuses_with_scripts_off(server, browser_without_scripts, state):
    driver = browser_without_scripts
    set_width(driver, 1280)
    for tab, field in (("images", "generate_image-prompt"), ("music", "generate_song-lyrics"), ("video", "generate_video_clip-prompt"),
                       ("director", "project-prompt")):
        driver.get(f"{server.url}/creative/ui/{tab}")
        fill(driver, field, "   ")
        driver.find_element(By.ID, field).find_element(By.XPATH, "./ancestor::form//button[@type='submit']").click()
        wait(driver).until(lambda d: d.find_elements(By.ID, f"{field}-error"))
        assert driver.find_element(By.ID, field).get_attribute("aria-invalid") == "true"
        name = field.split("-", 1)[1]
        assert name in driver.find_element(By.ID, f"{field}-error").text
    # The script editor refuses a lyric time that is not a number, and keeps what was typed.
    driver.get(server.url + "/creative/ui/director")
    fill(driver, "project-prompt", "rain on a tin roof")
    fill(driver, "project-duration", "30")
    Select(driver.find_element(By.ID, "project-backend")).select_by_value("sketch")
    driver.find_element(By.CSS_SELECTOR, "#form-project button[type=submit]").click()
    wait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".script-form"))
    time = driver.find_element(By.NAME, "time-0")
    time.clear()
    time.send_keys("soon")
    driver.find_element(By.CSS_SELECTOR, ".script-form button[type=submit]").click()
    wait(driver).until(lambda d: "lyric line 1" in d.find_element(By.CSS_SELECTOR, ".script-form [data-form-status]").text)
    assert driver.find_element(By.NAME, "time-0").get_attribute("value") == "soon"


def test_the_studio_and_projects_at_phone_and_desktop_widths(server, browser):
    from conftest import SCREENSHOTS
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = ["/creative/ui/images", "/creative/ui/music", "/creative/ui/video", "/creative/ui/director", "/creative/projects"]
    for path in pages:
        for width in (390, 1280):
            set_width(browser, width)
            browser.get(server.url + path)
            overflow = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{path} scrolls sideways at {width} px"
            browser.save_screenshot(str(SCREENSHOTS / f"studio{path.replace('/', '-')}-{width}.png"))
    # Every control is reached by Tab: the Draw button is focused after tabbing through the form.
    set_width(browser, 1280)
    browser.get(server.url + "/creative/ui/images")
    tabbable = browser.execute_script(
        "return [...document.querySelectorAll('#form-generate_image input:not([type=hidden]), #form-generate_image textarea, "
        "#form-generate_image select, #form-generate_image button')].every((el) => el.tabIndex >= 0)")
    assert tabbable
