package id.balai.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Simple drawn scenes (a street, houses, and the problem of the category) standing in for citizens'
 * photos, so that lists, maps and report pages show pictures without shipping real people's photos.
 * Each carries a visible "Foto contoh" label so that nobody mistakes it for a real one.
 */
final class DemoPhotos {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    private static final int HORIZON = 220;

    private DemoPhotos() {}

    /** A JPEG for a category icon; {@code fixed} shows the place after the OPD's work. */
    static byte[] scene(String icon, boolean fixed, Random random) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        boolean night = icon.equals("lamp");
        sky(g, night);
        houses(g, random, night);
        street(g, icon.equals("water") && !fixed);
        switch (icon) {
            case "water" -> flood(g, fixed, random);
            case "trash" -> rubbish(g, fixed, random);
            case "road" -> potholes(g, fixed, random);
            case "parking" -> parking(g, fixed, random);
            case "lamp" -> lamp(g, fixed);
            case "tree" -> tree(g, fixed);
            case "fire" -> fire(g, fixed, random);
            case "drain" -> drain(g, fixed, random);
            case "shield" -> stalls(g, fixed, random);
            case "health" -> clinic(g, fixed, random);
            default -> sign(g, fixed);
        }
        label(g, fixed ? "Foto contoh (sesudah) - Kota Astina" : "Foto contoh - Kota Astina");
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, "jpg", out)) throw new IOException("no JPEG writer");
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sky(Graphics2D g, boolean night) {
        g.setPaint(night ? new GradientPaint(0, 0, new Color(10, 14, 40), 0, HORIZON, new Color(40, 50, 90))
                : new GradientPaint(0, 0, new Color(120, 180, 235), 0, HORIZON, new Color(210, 230, 245)));
        g.fillRect(0, 0, WIDTH, HORIZON);
        g.setColor(night ? new Color(30, 45, 30) : new Color(110, 160, 80));
        g.fillRect(0, HORIZON, WIDTH, HEIGHT - HORIZON);
    }

    private static void houses(Graphics2D g, Random random, boolean night) {
        int x = -20;
        while (x < WIDTH) {
            int w = 70 + random.nextInt(60);
            int h = 50 + random.nextInt(50);
            Color wall = Color.getHSBColor(random.nextFloat(), 0.25f, night ? 0.35f : 0.9f);
            g.setColor(wall);
            g.fillRect(x, HORIZON - h, w, h);
            g.setColor(night ? new Color(60, 25, 20) : new Color(170, 70, 50));
            g.fillPolygon(new int[] {x - 6, x + w / 2, x + w + 6}, new int[] {HORIZON - h, HORIZON - h - 30, HORIZON - h}, 3);
            g.setColor(night ? new Color(230, 200, 120) : new Color(80, 110, 140));
            g.fillRect(x + w / 4, HORIZON - h + 15, 14, 14);
            x += w + 10 + random.nextInt(20);
        }
    }

    private static void street(Graphics2D g, boolean wet) {
        g.setColor(new Color(175, 170, 160));
        g.fillPolygon(new int[] {0, WIDTH, 390, 250}, new int[] {HEIGHT, HEIGHT, HORIZON, HORIZON}, 4);
        g.setColor(wet ? new Color(70, 75, 85) : new Color(85, 85, 90));
        g.fillPolygon(new int[] {70, WIDTH - 70, 370, 270}, new int[] {HEIGHT, HEIGHT, HORIZON, HORIZON}, 4);
        g.setColor(new Color(235, 235, 220));
        for (int y = HORIZON + 10; y < HEIGHT; y += 40) {
            int w = 2 + (y - HORIZON) / 40;
            g.fillRect(WIDTH / 2 - w / 2, y, w, 12 + (y - HORIZON) / 12);
        }
    }

    private static void flood(Graphics2D g, boolean fixed, Random random) {
        if (fixed) {
            g.setColor(new Color(90, 120, 150, 120));
            g.fillOval(180, 400, 120, 25);
            return;
        }
        g.setColor(new Color(120, 95, 60, 210));
        g.fillRect(0, HORIZON + 60, WIDTH, HEIGHT - HORIZON - 60);
        g.setColor(new Color(170, 150, 110));
        g.setStroke(new BasicStroke(3));
        for (int i = 0; i < 25; i++) {
            int x = random.nextInt(WIDTH);
            int y = HORIZON + 70 + random.nextInt(HEIGHT - HORIZON - 80);
            g.drawArc(x, y, 40, 10, 0, 180);
        }
    }

    private static void rubbish(Graphics2D g, boolean fixed, Random random) {
        if (fixed) {
            g.setColor(new Color(30, 120, 60));
            g.fillRoundRect(30, 330, 50, 70, 8, 8);
            g.setColor(Color.WHITE);
            g.drawString("DLH", 42, 370);
            return;
        }
        for (int i = 0; i < 45; i++) {
            g.setColor(Color.getHSBColor(random.nextFloat(), 0.6f, 0.3f + random.nextFloat() * 0.6f));
            g.fillOval(random.nextInt(200), 300 + random.nextInt(150), 25 + random.nextInt(35), 20 + random.nextInt(25));
        }
    }

    private static void potholes(Graphics2D g, boolean fixed, Random random) {
        for (int i = 0; i < 4; i++) {
            int x = 180 + random.nextInt(260);
            int y = 300 + random.nextInt(140);
            int w = 50 + random.nextInt(70);
            g.setColor(fixed ? new Color(45, 45, 48) : new Color(40, 32, 25));
            if (fixed) g.fillRect(x, y, w, w / 3);
            else g.fillOval(x, y, w, w / 3);
            if (!fixed) {
                g.setColor(new Color(90, 110, 130));
                g.fillOval(x + w / 5, y + w / 15, w / 2, w / 6);
            }
        }
    }

    private static void parking(Graphics2D g, boolean fixed, Random random) {
        int cars = fixed ? 0 : 4;
        for (int i = 0; i < cars; i++) {
            // Parked along the left kerb, larger as they come nearer.
            int w = 60 + i * 32;
            int h = 28 + i * 14;
            int x = 250 - i * 62 - w / 2;
            int y = 240 + i * 55;
            g.setColor(Color.getHSBColor(random.nextFloat(), 0.7f, 0.8f));
            g.fillRoundRect(x, y, w, h, 14, 14);
            g.setColor(new Color(170, 200, 220));
            g.fillRect(x + w / 5, y + 4, w * 3 / 5, h / 3);
            g.setColor(Color.DARK_GRAY);
            g.fillOval(x + w / 8, y + h - h / 4, h / 2, h / 2);
            g.fillOval(x + w - w / 8 - h / 2, y + h - h / 4, h / 2, h / 2);
        }
        g.setColor(Color.WHITE);
        g.fillOval(540, 250, 70, 70);
        g.setColor(new Color(200, 30, 30));
        g.setStroke(new BasicStroke(8));
        g.drawOval(544, 254, 62, 62);
        g.drawLine(552, 262, 598, 308);
        g.setColor(Color.GRAY);
        g.fillRect(572, 320, 6, 120);
    }

    private static void lamp(Graphics2D g, boolean fixed) {
        g.setColor(new Color(120, 120, 125));
        g.fillRect(470, 150, 10, 300);
        g.fillRect(420, 150, 60, 8);
        if (fixed) {
            g.setColor(new Color(255, 240, 170, 90));
            g.fillOval(360, 160, 140, 240);
            g.setColor(new Color(255, 245, 190));
        } else {
            g.setColor(new Color(70, 70, 75));
        }
        g.fillOval(410, 155, 30, 14);
    }

    private static void tree(Graphics2D g, boolean fixed) {
        g.setColor(new Color(100, 65, 35));
        if (fixed) {
            g.fillRect(40, 330, 40, 40);
            for (int i = 0; i < 4; i++) g.fillRoundRect(20 + i * 12, 420 - i * 14, 120, 14, 10, 10);
            return;
        }
        g.fillPolygon(new int[] {60, 560, 560, 60}, new int[] {390, 330, 350, 420}, 4);
        g.setColor(new Color(40, 120, 45));
        g.fillOval(430, 240, 200, 150);
        g.fillOval(380, 280, 140, 110);
    }

    private static void fire(Graphics2D g, boolean fixed, Random random) {
        g.setColor(fixed ? new Color(50, 45, 40) : new Color(200, 180, 150));
        g.fillRect(60, 250, 180, 130);
        if (fixed) {
            g.setColor(new Color(120, 120, 120, 90));
            g.fillOval(120, 150, 60, 90);
            return;
        }
        g.setColor(new Color(110, 110, 110, 170));
        g.fillOval(40, 60, 240, 170);
        for (int i = 0; i < 14; i++) {
            g.setColor(i % 2 == 0 ? new Color(240, 120, 20) : new Color(250, 200, 40));
            int x = 60 + random.nextInt(170);
            g.fillPolygon(new Polygon(new int[] {x, x + 18, x + 36}, new int[] {300, 170 + random.nextInt(80), 300}, 3));
        }
    }

    private static void drain(Graphics2D g, boolean fixed, Random random) {
        g.setColor(new Color(110, 110, 110));
        g.fillPolygon(new int[] {0, 70, 270, 250}, new int[] {HEIGHT, HEIGHT, HORIZON, HORIZON}, 4);
        g.setColor(fixed ? new Color(80, 120, 150) : new Color(70, 60, 40));
        g.fillPolygon(new int[] {8, 60, 266, 254}, new int[] {HEIGHT, HEIGHT, HORIZON, HORIZON}, 4);
        if (fixed) return;
        for (int i = 0; i < 20; i++) {
            g.setColor(Color.getHSBColor(random.nextFloat(), 0.5f, 0.7f));
            int y = 260 + random.nextInt(200);
            g.fillOval(20 + (HEIGHT - y) / 3 + random.nextInt(30), y, 14, 9);
        }
    }

    private static void stalls(Graphics2D g, boolean fixed, Random random) {
        if (fixed) {
            g.setColor(new Color(40, 130, 60));
            for (int i = 0; i < 3; i++) g.fillOval(20 + i * 60, 380 - i * 40, 40, 40);
            return;
        }
        for (int i = 0; i < 3; i++) {
            int x = 10 + i * 55;
            int y = 360 - i * 45;
            g.setColor(Color.getHSBColor(random.nextFloat(), 0.8f, 0.9f));
            g.fillArc(x - 20, y - 40, 110, 60, 0, 180);
            g.setColor(new Color(150, 110, 70));
            g.fillRect(x, y, 70, 40);
        }
    }

    private static void clinic(Graphics2D g, boolean fixed, Random random) {
        g.setColor(Color.WHITE);
        g.fillRect(440, 170, 190, 160);
        g.setColor(new Color(210, 30, 40));
        g.fillRect(520, 185, 30, 80);
        g.fillRect(495, 210, 80, 30);
        int people = fixed ? 2 : 12;
        for (int i = 0; i < people; i++) {
            g.setColor(Color.getHSBColor(random.nextFloat(), 0.6f, 0.6f));
            int x = 420 - i * 28;
            g.fillOval(x, 335, 14, 14);
            g.fillRect(x - 2, 349, 18, 30);
        }
    }

    private static void sign(Graphics2D g, boolean fixed) {
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(8));
        if (fixed) g.drawLine(560, 440, 560, 280);
        else g.drawLine(470, 440, 600, 400);
        g.setColor(new Color(20, 110, 60));
        if (fixed) g.fillRect(500, 250, 130, 36);
        else g.fillRect(560, 360, 70, 40);
    }

    private static void label(Graphics2D g, String text) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        int w = g.getFontMetrics().stringWidth(text) + 16;
        g.setColor(new Color(0, 0, 0, 150));
        g.fillRect(8, HEIGHT - 34, w, 26);
        g.setColor(Color.WHITE);
        g.drawString(text, 16, HEIGHT - 15);
    }
}
