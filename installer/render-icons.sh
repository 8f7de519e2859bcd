#!/usr/bin/env bash
# Renders the MailPath icon and README banner from their SVG sources into every file the installers use.
# The results are committed, so a build never needs these converters; run this only after editing an SVG.
#   needs: rsvg-convert (librsvg2-bin), ImageMagick (imagemagick), png2icns (icnsutils)
set -euo pipefail
cd "$(dirname "$0")/.."
icon=assets/icon
for tool in rsvg-convert png2icns; do
    command -v "$tool" >/dev/null || { echo "render-icons: $tool missing (apt-get install librsvg2-bin icnsutils)" >&2; exit 1; }
done
magick=$(command -v magick || echo /usr/bin/convert)   # /usr/local/bin/convert may be a stand-in; use the real one

mkdir -p "$icon/png"
for size in 16 24 32 48 64 128 256 512 1024; do
    # 16-32 px come from a pixel-aligned variant with thicker strokes; the detailed drawing blurs there
    src=$icon/mailpath.svg
    [ "$size" -le 32 ] && src=$icon/mailpath-small.svg
    rsvg-convert -w "$size" -h "$size" "$src" -o "$icon/png/mailpath-$size.png"
done
# Windows: one .ico holding every size Explorer asks for (256 is stored as PNG inside the ico)
ico_pngs=(); for s in 16 24 32 48 64 128 256; do ico_pngs+=("$icon/png/mailpath-$s.png"); done
"$magick" "${ico_pngs[@]}" "$icon/mailpath.ico"
# macOS: png2icns picks the icns slot from each PNG's size
icns_pngs=(); for s in 16 32 48 128 256 512 1024; do icns_pngs+=("$icon/png/mailpath-$s.png"); done
png2icns "$icon/mailpath.icns" "${icns_pngs[@]}" >/dev/null
rsvg-convert -w 1280 assets/banner.svg -o assets/banner.png
echo "render-icons: wrote $icon/png/*.png, $icon/mailpath.ico, $icon/mailpath.icns, assets/banner.png"
