#!/bin/sh
# Uploads web/ to the stack's web bucket, writes the console's sign-in configuration (the Cognito Hosted UI) from the
# stack's outputs, and has CloudFront drop what it cached. Run after `sam deploy`, from anywhere:
#   scripts/deploy-web.sh [stack-name]        (default: peduli)
# Needs the AWS CLI v2, with credentials for the stack's account and region.
set -eu
stack=${1:-peduli}
cd "$(dirname "$0")/.."

output() {
  aws cloudformation describe-stacks --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
bucket=$(output WebBucketName)
distribution=$(output WebDistributionId)
signin=$(output OfficerSignInUrl)
client=$(output OfficerUserPoolClientId)
redirect=$(output OfficerSignInRedirectUri)

config=$(mktemp)
trap 'rm -f "$config"' EXIT
printf '{"signIn":"cognito","cognito":{"domain":"%s","clientId":"%s","redirectUri":"%s","scopes":["openid","email"]}}\n' \
  "$signin" "$client" "$redirect" > "$config"

# Scripts, styles, messages and data: five minutes in caches. Pages and the configuration: checked on every load.
# (a.html is the appeal page's template, rendered by AppealPageFunction; the local config.json is for the local stack.)
aws s3 sync web/ "s3://$bucket/" --delete --exclude '*.html' --exclude config.json --cache-control 'public, max-age=300'
aws s3 sync web/ "s3://$bucket/" --delete --exclude '*' --include '*.html' --exclude a.html \
  --cache-control no-cache --content-type 'text/html; charset=utf-8'
aws s3 cp "$config" "s3://$bucket/config.json" --cache-control no-cache --content-type 'application/json; charset=utf-8'
aws cloudfront create-invalidation --distribution-id "$distribution" --paths '/*' --query Invalidation.Id --output text
echo "web client: $(output WebUrl)"
