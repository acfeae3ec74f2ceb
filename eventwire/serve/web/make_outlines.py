"""Convert Natural Earth 1:110m country outlines (a shapefile) into the dashboard's GeoJSON.

Run once by hand; the result, ``static/countries-110m.geojson``, ships in the package:

    pip download --no-deps pyogrio==0.13.0 && unzip pyogrio-0.13.0-*.whl 'pyogrio/tests/fixtures/*'
    python eventwire/serve/web/make_outlines.py pyogrio/tests/fixtures/naturalearth_lowres/naturalearth_lowres

Only polygon shapefiles (type 5) are read; coordinates are rounded to 0.01 degree.
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path


def read_dbf(path: Path) -> list[dict]:
    data = path.read_bytes()
    count, header_size, record_size = struct.unpack("<IHH", data[4:12])
    fields, offset = [], 32
    while data[offset] != 0x0D:
        name = data[offset:offset + 11].split(b"\0")[0].decode()
        fields.append((name, data[offset + 16]))
        offset += 32
    rows = []
    for i in range(count):
        start = header_size + i * record_size + 1  # skip the deletion flag
        row = {}
        for name, size in fields:
            row[name] = data[start:start + size].decode("latin-1").strip()  # the .cpg: ISO-8859-1
            start += size
        rows.append(row)
    return rows


def read_polygons(path: Path) -> list[list[list[tuple[float, float]]]]:
    data = path.read_bytes()
    offset, shapes = 100, []
    while offset < len(data):
        length = struct.unpack(">I", data[offset + 4:offset + 8])[0] * 2
        body = data[offset + 8:offset + 8 + length]
        offset += 8 + length
        if struct.unpack("<i", body[:4])[0] != 5:
            shapes.append([])
            continue
        parts_count, points_count = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{parts_count}i", body[44:44 + 4 * parts_count]))
        points_at = 44 + 4 * parts_count
        points = [struct.unpack("<dd", body[points_at + 16 * i:points_at + 16 * i + 16])
                  for i in range(points_count)]
        rings = [points[a:b] for a, b in zip(parts, parts[1:] + [points_count])]
        shapes.append([[(round(x, 2), round(y, 2)) for x, y in ring] for ring in rings])
    return shapes


def main(stem: str) -> None:
    base = Path(stem)
    rows = read_dbf(base.with_suffix(".dbf"))
    shapes = read_polygons(base.with_suffix(".shp"))
    features = [{"type": "Feature",
                 "properties": {"name": row.get("name"), "iso_a3": row.get("iso_a3")},
                 # Rings as polygons: outlines only, so holes need no special care.
                 "geometry": {"type": "MultiPolygon", "coordinates": [[ring] for ring in rings]}}
                for row, rings in zip(rows, shapes) if rings]
    out = Path(__file__).parent / "static" / "countries-110m.geojson"
    out.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                              separators=(",", ":")))
    print(f"{out}: {len(features)} countries, {out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
