"""Screenshots of every page of `mandatekit serve`, to look at: `python benchmarks/screenshots.py OUT`.

Drives Debian's chromium (Selenium, as tests/web/test_browser.py) through what a drafter does: the start page,
the bundled draft's result (top, scorecard, draft, a finding clicked), a decision recorded, a bad upload, the
longest resolution of ../shared/corpus/txt (if present), two drafts compared, the rule catalogue, a page that
does not exist; each at 1280 and 390 px wide (a laptop, a phone), and the result printed to PDF (pages as
PNG when pdftoppm is installed). Prints any console error and any page wider than its window. Asserts nothing.
"""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "examples" / "minusca-zero-draft.docx"
CORPUS = next(
    (p / "shared" / "corpus" / "txt" for p in ROOT.parents if (p / "shared" / "corpus" / "txt").is_dir()),
    None,
)
WIDTHS = {"1280": (1280, 900), "390": (390, 844)}


def main() -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    folder = tempfile.mkdtemp()
    server = subprocess.Popen([sys.executable, "-m", "mandatekit", "serve", "--port", "0", "--no-browser",
                               "--decisions", folder], stderr=subprocess.PIPE, text=True, cwd=folder)  # fmt: skip
    assert server.stderr is not None
    base = re.search(r"(http://\S+:\d+)/", server.stderr.readline()).group(1)  # type: ignore[union-attr]
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(
        service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options
    )

    def shot(name: str, scroll: str | None = None, widths: tuple[str, ...] = ("1280", "390")) -> None:
        for label in widths:
            width, height = WIDTHS[label]
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})  # fmt: skip
            time.sleep(0.3)
            if scroll:
                driver.execute_script(scroll)
                time.sleep(0.2)
            driver.save_screenshot(str(out / f"{name}-{label}.png"))
            wide = driver.execute_script("return document.documentElement.scrollWidth")
            if wide > width + 1:
                print(f"wider than the window: {name} at {label} px: {wide} px")
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        for entry in driver.get_log("browser"):
            if entry["level"] == "SEVERE" and " 40" not in entry["message"]:  # 4xx are a bad upload's answer
                print(f"console {name}: {entry['message'][:200]}")

    def upload(path: Path, field: str = "draft") -> None:
        driver.get(base + "/")
        driver.find_element(By.ID, field).send_keys(str(path))
        driver.find_element(By.CSS_SELECTOR, "form button.primary").click()
        time.sleep(2)

    try:
        driver.get(base + "/")
        shot("index")
        upload(BUNDLED)
        result = driver.current_url
        shot("result")
        shot("result-scorecard", "document.getElementById('scorecard-h').scrollIntoView()")
        shot("result-draft", "document.getElementById('draft-h').scrollIntoView()")
        driver.find_elements(By.CSS_SELECTOR, "a.goto")[0].click()
        time.sleep(0.5)
        shot("result-finding-clicked", widths=("1280",))
        printed = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})
        pdf = out / "result-print.pdf"
        pdf.write_bytes(base64.b64decode(printed["data"]))
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(out / "result-print")], check=True)
        rule = driver.find_elements(By.CSS_SELECTOR, ".finding.v-missing")[0].get_attribute("data-rule")
        driver.get(result.split("?")[0] + f"/decide/{rule}?" + result.split("?")[1])
        shot("decide")
        driver.find_element(By.CSS_SELECTOR, 'input[value="not-applicable"]').click()
        driver.find_element(By.ID, "why").send_keys("Left to the sanctions resolution.")
        driver.find_element(By.ID, "by").send_keys("Penholder team")
        driver.find_element(By.CSS_SELECTOR, "form button.primary").click()
        time.sleep(2)
        shot("result-decided", f"document.getElementById('f-{rule}').scrollIntoView()")
        bad = Path(folder) / "notes.docx"
        bad.write_bytes(b"not a Word file")
        upload(bad)
        shot("bad-upload")
        driver.get(base + "/compare")
        shot("compare")
        if CORPUS is not None:
            longest = max(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size)
            upload(longest)
            shot("result-long")
            time.sleep(5)
            shot("result-long-placed", "document.getElementById('scorecard-h').scrollIntoView()")
            driver.get(base + "/compare")
            driver.find_element(By.ID, "old").send_keys(str(CORPUS / "S_RES_2348(2017).txt"))
            driver.find_element(By.ID, "new").send_keys(str(CORPUS / "S_RES_2502(2019).txt"))
            driver.find_element(By.CSS_SELECTOR, "form button.primary").click()
            time.sleep(5)
            shot("comparison")
            shot("comparison-lower", "window.scrollTo(0, 1500)")
        driver.get(base + "/rules")
        shot("rules")
        driver.get(base + "/no-such-page")
        shot("not-found")
    finally:
        driver.quit()
        server.terminate()
        server.wait(30)
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
