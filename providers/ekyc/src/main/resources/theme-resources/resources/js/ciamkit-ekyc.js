// CIAM Kit eKYC pages: the browser camera where it can be used (the photo goes into the file field, so the form still
// posts a normal multipart upload), and a size check before sending. Without script the file field works on its own.
(function () {
    'use strict';
    document.querySelectorAll('input[type=file][data-max-bytes]').forEach(function (input) {
        input.addEventListener('change', function () {
            var file = input.files && input.files[0];
            var tooLarge = file && file.size > Number(input.getAttribute('data-max-bytes'));
            input.setCustomValidity(tooLarge ? input.getAttribute('data-too-large') : '');
            if (tooLarge) {
                input.reportValidity();
            }
        });
    });
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || typeof DataTransfer === 'undefined') {
        return;
    }
    document.querySelectorAll('[data-ciamkit-camera]').forEach(function (box) {
        var input = document.getElementById(box.getAttribute('data-ciamkit-camera'));
        var start = box.querySelector('.ciamkit-camera-start');
        var video = box.querySelector('video');
        var shoot = box.querySelector('.ciamkit-camera-shoot');
        var status = box.querySelector('.ciamkit-camera-status');
        var stream = null;
        box.hidden = false;
        start.addEventListener('click', function () {
            navigator.mediaDevices.getUserMedia({video: {facingMode: box.getAttribute('data-facing')}, audio: false})
                .then(function (s) {
                    stream = s;
                    video.srcObject = s;
                    video.hidden = false;
                    shoot.hidden = false;
                    return video.play();
                })
                .catch(function () {
                    status.textContent = box.getAttribute('data-denied');
                });
        });
        shoot.addEventListener('click', function () {
            var canvas = document.createElement('canvas');
            canvas.width = video.videoWidth;
            canvas.height = video.videoHeight;
            canvas.getContext('2d').drawImage(video, 0, 0);
            canvas.toBlob(function (blob) {
                var files = new DataTransfer();
                files.items.add(new File([blob], 'camera.jpg', {type: 'image/jpeg'}));
                input.files = files.files;
                input.dispatchEvent(new Event('change'));
                status.textContent = box.getAttribute('data-taken');
                if (stream) {
                    stream.getTracks().forEach(function (track) { track.stop(); });
                }
                video.hidden = true;
                shoot.hidden = true;
            }, 'image/jpeg', 0.92);
        });
    });
})();
