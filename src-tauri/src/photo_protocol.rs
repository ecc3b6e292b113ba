//! The `photo:` protocol: the web view shows stored photos as `photo://localhost/thumb/<id>`
//! or `.../full/<id>`, read straight from the caseload. Nothing is written to disk for it, and
//! nothing is served while the caseload is locked.

use crate::state::AppState;
use equipment_passport::model::PhotoId;
use tauri::http::{Request, Response, StatusCode, header};
use tauri::{Manager, Runtime, UriSchemeContext};

pub fn respond<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
) -> Response<Vec<u8>> {
    let state = ctx.app_handle().state::<AppState>();
    // `convertFileSrc("thumb/<id>", "photo")` percent-encodes the slash.
    let path = request
        .uri()
        .path()
        .trim_start_matches('/')
        .replace("%2F", "/")
        .replace("%2f", "/");
    let (size, id) = path.split_once('/').unwrap_or(("", path.as_str()));
    let Ok(id) = id.parse::<PhotoId>() else {
        return plain(StatusCode::BAD_REQUEST, "not a photo address");
    };
    let bytes = match size {
        "thumb" => state.read(|api| api.photo_thumbnail(id)),
        "full" => state.read(|api| api.photo_jpeg(id)),
        _ => return plain(StatusCode::NOT_FOUND, "use /thumb/<id> or /full/<id>"),
    };
    match bytes {
        Ok(jpeg) => Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, "image/jpeg")
            // Health data: keep it out of any cache.
            .header(header::CACHE_CONTROL, "no-store")
            .body(jpeg)
            .unwrap_or_else(|_| {
                plain(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "could not send the photo",
                )
            }),
        Err(e) if e.code == "locked" => plain(StatusCode::FORBIDDEN, "the caseload is locked"),
        Err(_) => plain(StatusCode::NOT_FOUND, "no such photo"),
    }
}

fn plain(status: StatusCode, text: &str) -> Response<Vec<u8>> {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "text/plain")
        .body(text.as_bytes().to_vec())
        .expect("a plain response always builds")
}
