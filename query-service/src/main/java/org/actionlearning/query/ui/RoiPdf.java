package org.actionlearning.query.ui;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The ROI report as PDF: the page's own template rendered with {@code pdf = true} (no navigation, no download
 * links), parsed leniently by jsoup and laid out by openhtmltopdf. The stylesheet is read from the application's
 * static resources; the renderer may load nothing else (no network, no files).
 */
@Component
class RoiPdf {

    /** A font that ships inside PDFBox and has the characters the pages use (− for negatives, — for undefined). */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String FONT_FAMILY = "Liberation Sans";
    private static final String CLASS_PATH = "classpath";

    private final ITemplateEngine templates;
    private final ApplicationContext application;

    RoiPdf(ITemplateEngine templates, ApplicationContext application) {
        this.templates = templates;
        this.application = application;
    }

    byte[] render(Map<String, Object> model, HttpServletRequest request, HttpServletResponse response) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("pdf", true);
        // what Spring's view does for a page, so that @fmt and the other beans resolve in the template
        variables.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response), Locale.UK, variables);
        return layOut(templates.process("roi", context));
    }

    private static byte[] layOut(String html) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .useFastMode()
                    .withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/")
                    // the stylesheet from the class path; nothing from the network or the file system
                    .useUriResolver((base, uri) -> staticResource(uri))
                    .useProtocolsStreamImplementation(RoiPdf::classPathStream, CLASS_PATH)
                    .useExternalResourceAccessControl((uri, type) -> uri.startsWith(CLASS_PATH + ":"),
                            ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            // one face for all weights: a bold face missing would fall back to a built-in font without "−"
            for (int weight : new int[] {400, 700}) {
                builder.useFont(() -> RoiPdf.class.getResourceAsStream(FONT), FONT_FAMILY, weight,
                        BaseRendererBuilder.FontStyle.NORMAL, true);
            }
            builder.toStream(pdf).run();
        } catch (IOException e) {
            throw new UncheckedIOException("the ROI report could not be laid out as PDF", e);
        }
        return pdf.toByteArray();
    }

    /**
     * "/css/app.css" is the class-path resource "static/css/app.css"; anything else is not loaded. The renderer
     * resolves a URI it has resolved once again, so a resolved one stays as it is.
     */
    private static String staticResource(String uri) {
        if (uri != null && uri.startsWith(CLASS_PATH + ":")) {
            return uri;
        }
        boolean exists = uri != null && uri.startsWith("/") && RoiPdf.class.getResource("/static" + uri) != null;
        return exists ? CLASS_PATH + ":/static" + uri : null;
    }

    private static FSStream classPathStream(String url) {
        String path = url.substring(CLASS_PATH.length() + 1);
        return new FSStream() {
            @Override
            public InputStream getStream() {
                return RoiPdf.class.getResourceAsStream(path);
            }

            @Override
            public Reader getReader() {
                return new InputStreamReader(getStream(), StandardCharsets.UTF_8);
            }
        };
    }
}
