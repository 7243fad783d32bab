package kr.outage.compensation.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class with the running suite and its own browser, closed when the class is done. */
abstract class BrowserTest {

    static RunningSuite suite;
    static Browser browser;

    @BeforeAll
    static void openBrowser() {
        suite = RunningSuite.get();
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }
}
